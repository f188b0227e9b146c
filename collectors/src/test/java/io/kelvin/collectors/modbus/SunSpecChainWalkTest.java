package io.kelvin.collectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.modbus.sunspec.ModelHeader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain walk on its own, over an in-memory register map: how broken maps end the walk. */
class SunSpecChainWalkTest {

    private final Map<Integer, Integer> words = new HashMap<>();
    /** Addresses at and above this answer with exception 02, as a device with a short map does. */
    private int servedUpTo = 65536;

    private int[] read(int address, int count) throws ModbusIoFailure {
        if (address + count > servedUpTo) {
            throw new ModbusIoFailure(ModbusIoFailure.Kind.REFUSED, "exception response 02 (illegal data address)", null);
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = words.getOrDefault(address + i, 0);
        }
        return out;
    }

    private void put(int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            words.put(address + i, values[i]);
        }
    }

    @Test
    void theChainIsWalkedByLengthToTheEndMarker() throws Exception {
        put(40000, 0x5375, 0x6E53, 1, 66);
        put(40070, 103, 50);
        put(40122, 0xFFFF, 0);

        SunSpecDiscovery.Chain chain = SunSpecDiscovery.discover(this::read);

        assertThat(chain.base()).isEqualTo(40000);
        assertThat(chain.models()).containsExactly(new ModelHeader(1, 40002, 66), new ModelHeader(103, 40070, 50));
        assertThat(chain.notes()).isEmpty();
    }

    @Test
    void aChainEndedByAnExceptionInsteadOfTheEndMarkerIsKeptWithANote() throws Exception {
        put(0, 0x5375, 0x6E53, 1, 66);
        servedUpTo = 70;

        SunSpecDiscovery.Chain chain = SunSpecDiscovery.discover(this::read);

        assertThat(chain.models()).containsExactly(new ModelHeader(1, 2, 66));
        assertThat(chain.notes()).containsExactly(
                "no end marker: the chain ends with exception response 02 (illegal data address) at 70");
    }

    @Test
    void aChainRunningPastTheLastRegisterIsRejected() {
        put(50000, 0x5375, 0x6E53, 1, 60000);
        assertThatThrownBy(() -> SunSpecDiscovery.discover(this::read)).isInstanceOf(SunSpecDiscovery.NotSunSpec.class)
                .hasMessage("chain from 50000 runs past register 65535 without an end marker");
    }

    @Test
    void aModelIdOfZeroBreaksTheChain() {
        put(40000, 0x5375, 0x6E53, 1, 66);
        assertThatThrownBy(() -> SunSpecDiscovery.discover(this::read)).isInstanceOf(SunSpecDiscovery.NotSunSpec.class)
                .hasMessage("model id 0 at 40070: the chain is broken");
    }

    @Test
    void aChainOfEmptyModelsWithoutAnEndIsCutAfterAHundredModels() {
        put(40000, 0x5375, 0x6E53);
        for (int address = 40002; address < 40002 + 2 * 120; address += 2) {
            put(address, 64000, 0);
        }
        assertThatThrownBy(() -> SunSpecDiscovery.discover(this::read)).isInstanceOf(SunSpecDiscovery.NotSunSpec.class)
                .hasMessage("chain from 40000 has more than 100 models and no end marker");
    }
}
