package io.kelvin.collectors.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real disk that can be made full: while {@link #fill()} is in force, every write and fsync of a
 * file it opened fails with {@code IOException("No space left on device")}, as ENOSPC does, and
 * creating a file fails too. Reads, truncation and deletion still work, as on a full disk.
 */
final class FillableDisk implements JournalSegments.Disk {

    static final String ENOSPC = "No space left on device";
    private final AtomicBoolean full = new AtomicBoolean();

    void fill() {
        full.set(true);
    }

    void free() {
        full.set(false);
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        for (OpenOption option : options) {
            if (option == java.nio.file.StandardOpenOption.CREATE_NEW && full.get()) {
                throw new IOException(ENOSPC);
            }
        }
        return new Channel(FileChannel.open(file, options));
    }

    private void check() throws IOException {
        if (full.get()) {
            throw new IOException(ENOSPC);
        }
    }

    /** Delegates everything to the real channel; writes and forces check the disk first. */
    private final class Channel extends FileChannel {

        private final FileChannel real;

        Channel(FileChannel real) {
            this.real = real;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            check();
            return real.write(src, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check();
            return real.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            check();
            return real.write(srcs, offset, length);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            check();
            real.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            check();
            return real.transferFrom(src, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
