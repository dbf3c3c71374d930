package io.mlops.feature.online;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.util.UriUtils;

/**
 * Serves {@code POST /api/v1/feature-sets/{name}/online} on {@link OnlineListener}'s port: the request
 * is checked as the servlet path checks it (path, method, content type, Accept), read and checked by
 * {@link OnlineLookup#send} on the event loop, the MGET goes out, Lettuce's event loop writes the results
 * into the answer as it decodes the reply, and the answer is finished and written on the listener's event
 * loop when the reply is complete, so no thread waits for Redis. One request per
 * connection at a time (the next is read once the answer is written): answers cannot overtake each
 * other on a keep-alive connection. Errors are {@link ListenerProblems}: the servlet path's bytes.
 * Shared by all channels; the per-request state is in {@link Pending}.
 */
@ChannelHandler.Sharable
final class OnlineHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final List<MediaType> JSON_ONLY = List.of(MediaType.APPLICATION_JSON);

    private final OnlineLookup lookup;
    private final OnlineStore store;
    private final ListenerProblems problems;
    private final MeterRegistry meters;
    private final Timer ok;

    OnlineHttpHandler(OnlineLookup lookup, OnlineStore store, ListenerProblems problems, MeterRegistry meters) {
        this.lookup = lookup;
        this.store = store;
        this.problems = problems;
        this.meters = meters;
        this.ok = OnlineLookupFilter.timer(meters, 200);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.read();   // auto-read is off: one request at a time, see the class comment
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        long start = System.nanoTime();
        if (!request.decoderResult().isSuccess()) {   // not HTTP: answer 400 and give up on the connection, as Tomcat does
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        String method = request.method().name();
        String name = setName(path);
        OnlineLookup.Sent sent;
        try {
            refuseWhatMvcWould(name, method, path, request);
            sent = lookup.send(name, new ByteBufInputStream(request.content()));
        } catch (Exception e) {
            answerProblem(ctx, e, method, path, start);
            return;
        }
        Pending pending = new Pending(ctx, sent, method, path, start);
        pending.timeout = ctx.executor().schedule(pending::timedOut, store.timeout().toNanos(), TimeUnit.NANOSECONDS);
        sent.reply().whenComplete((values, failure) -> ctx.executor().execute(() -> pending.completed(values, failure)));
    }

    /** What Spring MVC answers before the controller: 404 for another path, 405, 415, 406. */
    private static void refuseWhatMvcWould(String name, String method, String path, FullHttpRequest request) throws Exception {
        if (name == null) {
            throw new NoHandlerFoundException(method, path, new HttpHeaders());
        }
        if (!"POST".equals(method)) {
            throw new HttpRequestMethodNotSupportedException(method, List.of("POST"));
        }
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        MediaType contentType;
        try {
            contentType = type == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage());
        }
        if (!MediaType.APPLICATION_JSON.includes(contentType)) {
            throw new HttpMediaTypeNotSupportedException(contentType, JSON_ONLY, HttpMethod.POST);
        }
        String accept = request.headers().get(HttpHeaderNames.ACCEPT);
        if (accept != null && !accept.equals("*/*") && !accept.equals(MediaType.APPLICATION_JSON_VALUE)
                && MediaType.parseMediaTypes(accept).stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
            throw new HttpMediaTypeNotAcceptableException(JSON_ONLY);
        }
    }

    /** One lookup waiting for its MGET; touched only on its channel's event loop. */
    private final class Pending {

        private final ChannelHandlerContext ctx;
        private final OnlineLookup.Sent sent;
        private final String method;
        private final String path;
        private final long start;
        private ScheduledFuture<?> timeout;
        private boolean answered;

        Pending(ChannelHandlerContext ctx, OnlineLookup.Sent sent, String method, String path, long start) {
            this.ctx = ctx;
            this.sent = sent;
            this.method = method;
            this.path = path;
            this.start = start;
        }

        void completed(AnswerOutput values, Throwable failure) {
            if (answered) {
                return;   // timed out already; the values' buffer is not reused, a late reply may have written into it
            }
            answered = true;
            timeout.cancel(false);
            AnswerBuffer answer;
            try {
                if (failure != null) {
                    throw failure instanceof OnlineStoreUnavailable unavailable ? unavailable : new OnlineStoreUnavailable(failure);
                }
                answer = lookup.finish(values);
            } catch (RuntimeException e) {
                answerProblem(ctx, e, method, path, start);
                return;
            }
            ByteBuf body = ctx.alloc().buffer(answer.size());
            body.writeBytes(answer.array(), 0, answer.size());
            lookup.release(answer);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            ctx.writeAndFlush(response);
            ctx.read();
            ok.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }

        void timedOut() {
            if (answered) {
                return;
            }
            answered = true;
            sent.reply().cancel(false);
            answerProblem(ctx, store.timedOut(), method, path, start);
        }
    }

    private void answerProblem(ChannelHandlerContext ctx, Exception e, String method, String path, long start) {
        ListenerProblems.Answer answer = problems.answer(e, method, path);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()),
                ctx.alloc().buffer(answer.body().length).writeBytes(answer.body()));
        answer.headers().forEach((header, values) -> response.headers().add(header, values));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        ctx.writeAndFlush(response);
        ctx.read();
        OnlineLookupFilter.timer(meters, answer.status()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** The {name} of a lookup path, decoded as Spring MVC decodes a path variable; null for other paths. */
    static String setName(String path) {
        String prefix = OnlineLookupFilter.PREFIX;
        String suffix = OnlineLookupFilter.SUFFIX;
        if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.length() <= prefix.length() + suffix.length()) {
            return null;
        }
        String name = path.substring(prefix.length(), path.length() - suffix.length());
        return name.indexOf('/') >= 0 || name.indexOf(';') >= 0 ? null : UriUtils.decode(name, StandardCharsets.UTF_8);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();   // an idle keep-alive connection, as Tomcat's keep-alive timeout closes them
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();   // a broken connection or unreadable HTTP: nothing left to answer on it
    }
}
