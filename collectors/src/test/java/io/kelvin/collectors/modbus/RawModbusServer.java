package io.kelvin.collectors.modbus;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Modbus TCP server written by hand on a loopback {@link ServerSocket}, so a test can make it
 * misbehave in ways a real slave library never would. It answers FC03/FC04 reads from one register
 * array per unit id; how it answers is set per unit with {@link #answer(int, Answer)}. Frames follow
 * the Modbus Messaging on TCP/IP Implementation Guide v1.0b, clause 3.1.3 (MBAP header: transaction
 * id, protocol id 0, length of unit id + PDU, unit id), and the PDUs clause 6.3/6.4 and clause 7
 * (exception responses) of the Modbus Application Protocol v1.1b3.
 */
final class RawModbusServer implements AutoCloseable {

    static final int REGISTERS = 100;

    /** How to answer a read. */
    enum Answer {
        CORRECT,
        EXCEPTION_ILLEGAL_ADDRESS,
        EXCEPTION_BUSY,
        /** A byte count two short of the registers asked for, frame otherwise consistent. */
        WRONG_BYTE_COUNT,
        /** The first 9 bytes of the right answer, then the socket is closed. */
        TRUNCATED_THEN_CLOSE,
        WRONG_TRANSACTION_ID,
        WRONG_UNIT_ID,
        /** ASCII text instead of a frame; its "length" field reads 0x6D6F. */
        GARBAGE,
        /** Reads the request and never answers. */
        SILENT
    }

    private final ServerSocket server;
    private final Map<Integer, int[]> registers = new ConcurrentHashMap<>();
    private final Map<Integer, Answer> answers = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Socket> clients = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    /** One read request as it arrived: unit id, first address, register count, arrival (System.nanoTime). */
    record Seen(int unit, int start, int count, long nanos) {
    }
    private final Thread acceptor;

    private RawModbusServer(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofVirtual().name("raw-modbus-accept").start(this::acceptLoop);
    }

    static RawModbusServer start(int port, int... unitIds) throws IOException {
        RawModbusServer result = new RawModbusServer(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
        for (int unit : unitIds) {
            result.registers.put(unit, new int[REGISTERS]);
            result.answers.put(unit, Answer.CORRECT);
            result.requests.put(unit, new AtomicInteger());
        }
        return result;
    }

    void answer(int unit, Answer answer) {
        answers.put(unit, answer);
    }

    void setWords(int unit, int address, int[] words) {
        System.arraycopy(words, 0, registers.get(unit), address, words.length);
    }

    /** Read requests received for {@code unit}, answered or not. */
    int requestsFor(int unit) {
        return requests.get(unit).get();
    }

    /** Every read request received so far, in arrival order. */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** TCP connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                connections.incrementAndGet();
                Thread.ofVirtual().name("raw-modbus-client").start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                int transaction = in.readUnsignedShort();
                in.readUnsignedShort(); // protocol id
                byte[] body = new byte[in.readUnsignedShort()];
                in.readFully(body);
                ByteBuffer pdu = ByteBuffer.wrap(body);
                int unit = pdu.get() & 0xFF;
                int function = pdu.get() & 0xFF;
                int start = pdu.getShort() & 0xFFFF;
                int count = pdu.getShort() & 0xFFFF;
                requests.computeIfAbsent(unit, u -> new AtomicInteger()).incrementAndGet();
                seen.add(new Seen(unit, start, count, System.nanoTime()));
                Answer answer = answers.getOrDefault(unit, Answer.SILENT);
                if (!respond(out, answer, transaction, unit, function, start, count)) {
                    return;
                }
            }
        } catch (EOFException e) {
            // the master closed the socket
        } catch (IOException e) {
            // reset by the master, or closed by close()
        }
    }

    /** Writes the answer; false when the connection is to be closed. */
    private boolean respond(OutputStream out, Answer answer, int transaction, int unit, int function,
                            int start, int count) throws IOException {
        switch (answer) {
            case SILENT -> {
                return true;
            }
            case GARBAGE -> out.write("not modbus at all\r\n".getBytes(StandardCharsets.US_ASCII));
            case EXCEPTION_ILLEGAL_ADDRESS -> out.write(frame(transaction, unit, new byte[] {(byte) (function | 0x80), 0x02}));
            case EXCEPTION_BUSY -> out.write(frame(transaction, unit, new byte[] {(byte) (function | 0x80), 0x06}));
            case CORRECT, WRONG_BYTE_COUNT, TRUNCATED_THEN_CLOSE, WRONG_TRANSACTION_ID, WRONG_UNIT_ID -> {
                byte[] pdu = readAnswer(function, registers.get(unit), start, count,
                        answer == Answer.WRONG_BYTE_COUNT ? -2 : 0);
                int tid = answer == Answer.WRONG_TRANSACTION_ID ? (transaction + 1000) & 0xFFFF : transaction;
                int from = answer == Answer.WRONG_UNIT_ID ? (unit % 247) + 1 : unit;
                byte[] frame = frame(tid, from, pdu);
                if (answer == Answer.TRUNCATED_THEN_CLOSE) {
                    out.write(frame, 0, 9);
                    out.flush();
                    return false;
                }
                out.write(frame);
            }
        }
        out.flush();
        return true;
    }

    private static byte[] readAnswer(int function, int[] words, int start, int count, int byteCountError) {
        ByteBuffer pdu = ByteBuffer.allocate(2 + 2 * count);
        pdu.put((byte) function).put((byte) (2 * count + byteCountError));
        for (int i = 0; i < count; i++) {
            pdu.putShort((short) words[start + i]);
        }
        return pdu.array();
    }

    private static byte[] frame(int transaction, int unit, byte[] pdu) {
        return ByteBuffer.allocate(7 + pdu.length)
                .putShort((short) transaction).putShort((short) 0).putShort((short) (pdu.length + 1))
                .put((byte) unit).put(pdu).array();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
