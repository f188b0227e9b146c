// A small OPC UA server built on node-opcua (npm), for Kelvin's interoperability test: the
// collectors' Milo client connects, reads, subscribes and writes a setpoint. Its nodes are the
// contract with collectors/src/test/resources/interop/profiles/nodeopcua-device.yaml.
//
// Run: node server.js --port 4841 --pki /tmp/pki   (node-opcua 2.186 needs Node >= 22.13)
// Prints "listening on opc.tcp://..." once the endpoint is open. SecurityPolicy None, anonymous.
"use strict";
const {
    OPCUAServer, OPCUACertificateManager, Variant, DataType, StatusCodes,
    MessageSecurityMode, SecurityPolicy, nodesets
} = require("node-opcua");

const NAMESPACE_URI = "urn:kelvin:interop:node-opcua";

function option(name, fallback) {
    const at = process.argv.indexOf("--" + name);
    return at >= 0 ? process.argv[at + 1] : fallback;
}

async function main() {
    const port = Number(option("port", "4841"));
    const pki = option("pki", "./pki");
    const server = new OPCUAServer({
        port,
        hostname: "127.0.0.1",
        resourcePath: "/interop",
        nodeset_filename: [nodesets.standard],
        securityModes: [MessageSecurityMode.None],
        securityPolicies: [SecurityPolicy.None],
        allowAnonymous: true,
        serverCertificateManager: new OPCUACertificateManager({
            rootFolder: pki, automaticallyAcceptUnknownCertificate: true
        }),
        buildInfo: { productName: "kelvin-interop-node-opcua", buildNumber: "1" }
    });
    await server.initialize();

    const addressSpace = server.engine.addressSpace;
    const ns = addressSpace.registerNamespace(NAMESPACE_URI);
    const device = ns.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: "InteropDevice" });
    const state = { supply: 21.5, speed: 62.5, counter: 0, setpoint: 30.0 };

    const readOnly = (browseName, nodeId, dataType, get) => ns.addVariable({
        componentOf: device, browseName, nodeId, dataType, minimumSamplingInterval: 100,
        value: { get: () => new Variant({ dataType: DataType[dataType], value: get() }) }
    });
    readOnly("SupplyTemperature", "s=Loop.SupplyTemperature", "Double", () => state.supply);
    readOnly("PumpSpeed", "s=Pump.Speed", "Float", () => state.speed);
    const counter = readOnly("Counter", "s=Counter", "Int32", () => state.counter);
    ns.addVariable({
        componentOf: device, browseName: "SupplyTemperatureSetpoint", nodeId: "s=Loop.SupplyTemperatureSetpoint",
        dataType: "Double", minimumSamplingInterval: 100, accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite",
        value: {
            get: () => new Variant({ dataType: DataType.Double, value: state.setpoint }),
            set: (variant) => {
                state.setpoint = variant.value;
                return StatusCodes.Good;
            }
        }
    });
    // a value that changes, so a subscription has something to deliver
    setInterval(() => {
        state.counter += 1;
        counter.touchValue();
    }, 200);

    await server.start();
    console.log("listening on " + server.getEndpointUrl());
    const stop = async () => {
        await server.shutdown(100);
        process.exit(0);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
