// A small OPC UA server built on node-opcua (npm), for Kelvin's interoperability tests: the
// collectors' Milo client connects, reads, subscribes and writes a setpoint, and acknowledges an
// alarm condition. Its nodes are the contract with
// collectors/src/test/resources/interop/profiles/nodeopcua-device.yaml.
//
// Run: node server.js --port 4841 --pki /tmp/pki   (node-opcua 2.186 needs Node >= 22.13)
// Prints "listening on opc.tcp://..." once the endpoint is open. SecurityPolicy None, anonymous.
// The leak alarm (an AlarmConditionType on LeakSensor, OPC UA Part 9) is active from the start; each
// acknowledgement is printed as "acknowledged LeakAlarm comment=<comment>".
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
    const device = ns.addObject({
        organizedBy: addressSpace.rootFolder.objects, browseName: "InteropDevice",
        notifierOf: addressSpace.rootFolder.objects.server, eventNotifier: 1
    });
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

    raiseLeakAlarm(ns, device);

    await server.start();
    console.log("listening on " + server.getEndpointUrl());
    const stop = async () => {
        await server.shutdown(100);
        process.exit(0);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
}

// Part 9: a condition's source must be an event source of a notifier that leads to the Server object.
function raiseLeakAlarm(ns, device) {
    // binds ConditionRefresh, Acknowledge, Confirm ... to their implementations
    ns.addressSpace.installAlarmsAndConditionsService();
    const sensor = ns.addObject({ componentOf: device, browseName: "LeakSensor", eventSourceOf: device });
    const wet = ns.addVariable({
        componentOf: sensor, browseName: "Wet", nodeId: "s=Leak.Wet", dataType: "Boolean", minimumSamplingInterval: 100,
        value: { get: () => new Variant({ dataType: DataType.Boolean, value: true }) }
    });
    const alarm = ns.instantiateAlarmCondition("AlarmConditionType", {
        componentOf: sensor, conditionSource: sensor, browseName: "LeakAlarm", conditionName: "LeakAlarm",
        inputNode: wet
    });
    alarm.on("acknowledged", (eventId, comment) => console.log("acknowledged LeakAlarm comment=" + comment.text));
    alarm.activateAlarm();
    alarm.raiseNewCondition({ message: "Leak detected under the interop device", severity: 900, retain: true });
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
