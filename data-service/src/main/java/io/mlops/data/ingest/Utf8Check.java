package io.mlops.data.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a text file through the JDK's strict UTF-8 decoder to report the line of the first bad byte.
 * A separate pass because a Reader reads ahead and cannot say where the bad byte was; counting 0x0A bytes
 * gives the line, since no byte of a multi-byte UTF-8 sequence can be 0x0A.
 */
final class Utf8Check {

    private static final int CHUNK = 1 << 16;

    private Utf8Check() {
    }

    static void verify(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(CHUNK);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        long consumedBefore = 0;
        long newlines = 0;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int read = stream.read(in.array(), in.position(), in.remaining());
                eof = read < 0;
                if (read > 0) {
                    in.position(in.position() + read);
                }
                in.flip();
                int start = in.position();
                CoderResult result;
                do {
                    out.clear();
                    result = decoder.decode(in, out, eof);
                } while (result.isOverflow());
                newlines += countNewlines(in.array(), start, in.position());
                if (result.isError()) {
                    throw new TextNotUtf8(newlines + 1, consumedBefore + in.position());
                }
                consumedBefore += in.position();
                in.compact();
            }
            out.clear();
            if (decoder.flush(out).isError()) {
                throw new TextNotUtf8(newlines + 1, consumedBefore);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long countNewlines(byte[] bytes, int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
