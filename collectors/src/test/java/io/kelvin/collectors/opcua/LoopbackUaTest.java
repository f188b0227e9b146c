package io.kelvin.collectors.opcua;

import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;

/** What every test against a loopback Milo server holds: the sink, a free port, the server, the collectors; closed after each test. */
abstract class LoopbackUaTest {

    protected final RecordingSink sink = new RecordingSink();
    protected final int port = FreePorts.loopback();
    protected LoopbackOpcUaServer server;
    protected Collectors collectors;

    @AfterEach
    void stopCollectorsThenServer() throws Exception {
        if (collectors != null) {
            collectors.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
