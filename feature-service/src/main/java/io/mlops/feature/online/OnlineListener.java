package io.mlops.feature.online;

import io.mlops.support.web.RequestBodyTooLarge;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A lean HTTP listener of its own for online lookups ({@code mlops.feature.online.port}), as Feast runs
 * its feature server apart from the registry: Netty's HTTP codec on event loops that also splice the
 * answers (see {@link OnlineHttpHandler}), instead of Tomcat's poller, request threads and servlet
 * request handling, which were about a third of a lookup's serving CPU (bench/feature-online). Only
 * the lookup endpoint is there; the rest of the API, the probes and the metrics stay on
 * {@code server.port}. Requests are bounded by {@code mlops.http.max-request-size} (413, the same
 * ProblemDetail). Started with the application and stopped before the web server, letting lookups
 * in flight finish: the listening socket closes first, then the event loops drain.
 */
final class OnlineListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OnlineListener.class);
    static final String PORT_PROPERTY = "local.mlops.feature.online.port";

    private final int port;
    private final int threads;
    private final Duration idleTimeout;
    private final long maxBodyBytes;
    private final OnlineHttpHandler handler;
    private final ListenerProblems problems;
    private final ConfigurableEnvironment environment;
    private EventLoopGroup acceptor;
    private EventLoopGroup loops;
    private Channel server;

    OnlineListener(OnlineProperties properties, long maxBodyBytes, OnlineHttpHandler handler, ListenerProblems problems,
                   ConfigurableEnvironment environment) {
        this.port = properties.port();
        // half the processors by default: on a small host the other half runs Lettuce's event loop and Redis, and one
        // event loop per processor (Netty's default is two) cost more CPU per lookup in bench/feature-online
        this.threads = properties.listenerThreads() > 0 ? properties.listenerThreads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.idleTimeout = properties.listenerIdleTimeout();
        this.maxBodyBytes = maxBodyBytes;
        this.handler = handler;
        this.problems = problems;
        this.environment = environment;
    }

    @Override
    public synchronized void start() {
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("online-http-accept"), NioIoHandler.newFactory());
        loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("online-http"), NioIoHandler.newFactory());
        int maxContent = (int) Math.min(Integer.MAX_VALUE, maxBodyBytes);
        ServerBootstrap bootstrap = new ServerBootstrap().group(acceptor, loops).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)   // one request per connection at a time (OnlineHttpHandler)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS),
                                new HttpServerCodec(), new HttpServerKeepAliveHandler(), new BoundedBody(maxContent, problems), handler);
                    }
                });
        try {
            server = bootstrap.bind(new InetSocketAddress(port)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the online listener to port " + port, e);
        }
        int bound = ((InetSocketAddress) server.localAddress()).getPort();
        environment.getPropertySources().addFirst(new MapPropertySource("online-listener", Map.of(PORT_PROPERTY, bound)));
        log.info("Online lookups also served on port {} ({} event loops)", bound, threads);
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.close().syncUninterruptibly();
        // quiet period: lookups in flight (one MGET, bounded by the Redis timeout) finish and are written
        loops.shutdownGracefully(200, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        server = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stopped before the web server's graceful shutdown (which is at {@code DEFAULT_PHASE - 1024}) and before Redis closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    /** A body past the limit is the servlet path's 413 ProblemDetail; the connection is then closed, its rest unread. */
    private static final class BoundedBody extends HttpObjectAggregator {

        private final ListenerProblems problems;
        private final long limit;

        BoundedBody(int maxContentLength, ListenerProblems problems) {
            super(maxContentLength);
            this.problems = problems;
            this.limit = maxContentLength;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            if (!(oversized instanceof HttpRequest request)) {
                ctx.close();
                return;
            }
            String uri = request.uri();
            int query = uri.indexOf('?');
            ListenerProblems.Answer answer = problems.answer(new RequestBodyTooLarge(limit), request.method().name(),
                    query < 0 ? uri : uri.substring(0, query));
            var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()),
                    ctx.alloc().buffer(answer.body().length).writeBytes(answer.body()));
            answer.headers().forEach((header, values) -> response.headers().add(header, values));
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
