package io.flowbill.system;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Adapts a command's {@link PrintWriter}s for the code that prints to a {@link PrintStream}. */
public final class Streams {

    private Streams() {
    }

    /** A UTF-8 stream whose text reaches {@code writer} at every flush (println flushes). */
    public static PrintStream printStream(PrintWriter writer) {
        OutputStream decoding = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                pending.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                pending.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                writer.print(pending.toString(StandardCharsets.UTF_8));
                writer.flush();
                pending.reset();
            }
        };
        return new PrintStream(decoding, true, StandardCharsets.UTF_8);
    }
}
