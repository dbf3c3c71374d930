package io.mlops.feature.online;

import io.mlops.support.web.RequestBodyTooLarge;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that throws {@link RequestBodyTooLarge} (413) past {@code limit} bytes, declared or
 * not: what service-support's RequestBodyLimitFilter does for the requests that reach it, for the
 * lookups {@link OnlineLookupFilter} answers before that filter runs.
 */
final class LimitedBody extends FilterInputStream {

    private final long limit;
    private long read;

    private LimitedBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    static InputStream of(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw new RequestBodyTooLarge(limit);
        }
        return new LimitedBody(request.getInputStream(), limit);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw new RequestBodyTooLarge(limit);
        }
    }
}
