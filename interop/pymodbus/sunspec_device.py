#!/usr/bin/python3
"""A SunSpec inverter served by Debian's pymodbus 3.0 (python3-pymodbus), for Kelvin's SunSpec
discovery interoperability test. The map is laid out here with Python's struct module straight from
the SunSpec Information Model tables (offsets count from a model's ID register), independently of
Kelvin's Java catalogue and codec, so one shared mistake cannot hide in both.

Chain at --base (40000, 0 or 50000): "SunS", common model 1, inverter 103, nameplate 120,
storage 124, a vendor model 64200 Kelvin does not know, then the end marker 0xFFFF.
The values are the contract with PymodbusSunSpecInteropTest.

Run: /usr/bin/python3 sunspec_device.py --port 15503 --base 40000 [--unit 9]
Prints "listening on 127.0.0.1:PORT" once the socket is bound. zero_mode=True: protocol address 0
is the first register (pymodbus otherwise shifts addresses by one).
"""
import argparse
import asyncio
import struct
import sys

from pymodbus.datastore import (ModbusSequentialDataBlock, ModbusServerContext,
                                ModbusSlaveContext)
from pymodbus.server import StartAsyncTcpServer

NOT_IMPLEMENTED_UINT16 = 0xFFFF
NOT_IMPLEMENTED_SF = 0x8000


def u16(value):
    return list(struct.unpack(">H", struct.pack(">H", value)))


def i16(value):
    return list(struct.unpack(">H", struct.pack(">h", value)))


def u32(value):
    return list(struct.unpack(">2H", struct.pack(">I", value)))


def string(text, registers):
    raw = text.encode("ascii").ljust(2 * registers, b"\0")
    return list(struct.unpack(">%dH" % registers, raw))


def model(model_id, length, fields):
    """[ID, L] + L registers; fields maps an offset from the ID register to its words."""
    body = [0] * length
    for offset, words in fields.items():
        for i, word in enumerate(words):
            body[offset - 2 + i] = word
    return u16(model_id) + u16(length) + body


COMMON = model(1, 66, {
    2: string("PyModbus Solar", 16), 18: string("PMS-3000", 16), 34: string("opt", 8),
    42: string("1.2.3", 8), 50: string("PMS3K-000777", 16), 66: u16(9)})

INVERTER = model(103, 50, {
    2: u16(1234), 6: i16(-2),                      # A, A_SF: 12.34 A
    7: u16(4005), 10: u16(2312), 13: i16(-1),      # PPVphAB, PhVphA, V_SF: 400.5 V, 231.2 V
    14: i16(2500), 15: i16(0),                     # W, W_SF: 2500 W
    16: u16(4998), 17: i16(-2),                    # Hz, Hz_SF: 49.98 Hz
    18: i16(2600), 19: i16(0),                     # VA, VA_SF
    20: i16(-300), 21: i16(0),                     # VAr, VAr_SF
    22: i16(-95), 23: i16(0),                      # PF, PF_SF: -95 %
    24: u32(123456789), 26: i16(0),                # WH, WH_SF: 123456789 Wh
    27: u16(75), 28: i16(-1),                      # DCA, DCA_SF: 7.5 A
    29: u16(6000), 30: i16(-1),                    # DCV, DCV_SF: 600.0 V
    31: i16(2700), 32: i16(0),                     # DCW, DCW_SF: 2700 W
    33: i16(415), 34: i16(523), 37: i16(-1),       # TmpCab, TmpSnk, Tmp_SF
    38: u16(4), 40: u32(3)})                       # St MPPT, Evt1

NAMEPLATE = model(120, 26, {
    2: u16(4), 3: u16(30), 4: i16(2),              # DERTyp PV, WRtg 30 x 10^2 W
    5: u16(33), 6: i16(2),                         # VARtg
    12: u16(150), 13: i16(-1),                     # ARtg 15.0 A
    19: u16(NOT_IMPLEMENTED_UINT16), 20: u16(NOT_IMPLEMENTED_SF)})  # WHRtg: not a storage device

STORAGE = model(124, 24, {
    2: u16(5000), 18: i16(0),                      # WChaMax 5000 W
    7: u16(20), 21: i16(0),                        # MinRsvPct 20 %
    8: u16(875), 22: i16(-1),                      # ChaState 87.5 %
    9: u16(100), 23: i16(0),                       # StorAval 100 Ah
    10: u16(512), 24: i16(-1),                     # InBatV 51.2 V
    11: u16(3)})                                   # ChaSt

VENDOR = model(64200, 3, {2: [1, 2, 3]})

MAP = string("SunS", 2) + COMMON + INVERTER + NAMEPLATE + STORAGE + VENDOR + u16(0xFFFF) + u16(0)


async def serve(port, unit, base):
    registers = [0] * (base + len(MAP) + 16)
    registers[base:base + len(MAP)] = MAP
    device = ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, registers), zero_mode=True)
    context = ModbusServerContext(slaves={unit: device}, single=False)
    server = await StartAsyncTcpServer(context=context, address=("127.0.0.1", port), defer_start=True)
    print(f"listening on 127.0.0.1:{port}", flush=True)
    await server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--unit", type=int, default=9)
    parser.add_argument("--base", type=int, default=40000, choices=[0, 40000, 50000])
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.port, args.unit, args.base))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
