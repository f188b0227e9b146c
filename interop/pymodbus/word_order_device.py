#!/usr/bin/python3
"""A Modbus TCP device served by Debian's pymodbus 3.0 (python3-pymodbus), for Kelvin's
interoperability tests. It holds known values in every data type and word order; the table below
is the contract with collectors/src/test/resources/interop/profiles/pymodbus-word-orders.yaml.

Word orders are built here with Python's struct module, straight from their definition on the
big-endian bytes A B C D (E F G H) of the value, independently of Kelvin's RegisterCodec:
ABCD as is, CDAB words reversed, BADC bytes swapped in each word, DCBA both.

Run: /usr/bin/python3 word_order_device.py --port 15502 [--unit 7]
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

# (holding address, struct format, value, word order)
HOLDING = [
    (0, ">f", 123.456, "ABCD"), (2, ">f", 123.456, "CDAB"), (4, ">f", 123.456, "BADC"), (6, ">f", 123.456, "DCBA"),
    (10, ">i", -123456789, "ABCD"), (12, ">i", -123456789, "CDAB"), (14, ">i", -123456789, "BADC"),
    (16, ">i", -123456789, "DCBA"),
    (20, ">I", 3000000000, "ABCD"), (22, ">I", 3000000000, "CDAB"), (24, ">I", 3000000000, "BADC"),
    (26, ">I", 3000000000, "DCBA"),
    (30, ">d", -98765.4321, "ABCD"), (34, ">d", -98765.4321, "CDAB"), (38, ">d", -98765.4321, "BADC"),
    (42, ">d", -98765.4321, "DCBA"),
    (50, ">q", -1234567890123, "ABCD"), (54, ">q", -1234567890123, "CDAB"), (58, ">q", -1234567890123, "BADC"),
    (62, ">q", -1234567890123, "DCBA"),
    (66, ">Q", 12345678901234567, "ABCD"), (70, ">Q", 12345678901234567, "DCBA"),
    (80, ">h", -1234, "ABCD"), (81, ">h", -1234, "BADC"), (82, ">H", 54321, "ABCD"), (83, ">H", 2345, "ABCD"),
    (84, ">H", 0b101, "ABCD"),
]
# (input register address, struct format, value, word order)
INPUT = [(0, ">f", 1.5, "ABCD"), (2, ">f", -7.25, "CDAB")]
COILS = [1, 0, 1]
DISCRETE_INPUTS = [0, 1]


def words(fmt, value, order):
    raw = struct.pack(fmt, value)
    pairs = [raw[i:i + 2] for i in range(0, len(raw), 2)]
    if order in ("CDAB", "DCBA"):
        pairs.reverse()
    if order in ("BADC", "DCBA"):
        pairs = [p[::-1] for p in pairs]
    return [struct.unpack(">H", p)[0] for p in pairs]


def block(table, size):
    registers = [0] * size
    for address, fmt, value, order in table:
        for i, word in enumerate(words(fmt, value, order)):
            registers[address + i] = word
    return ModbusSequentialDataBlock(0, registers)


async def serve(port, unit):
    device = ModbusSlaveContext(
        hr=block(HOLDING, 128), ir=block(INPUT, 16),
        co=ModbusSequentialDataBlock(0, COILS + [0] * 13),
        di=ModbusSequentialDataBlock(0, DISCRETE_INPUTS + [0] * 14),
        zero_mode=True)
    context = ModbusServerContext(slaves={unit: device}, single=False)
    server = await StartAsyncTcpServer(context=context, address=("127.0.0.1", port), defer_start=True)
    print(f"listening on 127.0.0.1:{port}", flush=True)
    await server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--unit", type=int, default=7)
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.port, args.unit))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
