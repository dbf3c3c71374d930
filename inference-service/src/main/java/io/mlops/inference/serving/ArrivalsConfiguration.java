package io.mlops.inference.serving;

import io.mlops.inference.batching.Arrivals;
import java.util.concurrent.Executor;
import org.apache.coyote.ProtocolHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Counts requests from Tomcat's hand-off to a request thread until they reach a batching executor
 * ({@link Arrivals}), by wrapping the connector's executor. Ordered last, so it wraps the virtual-thread
 * executor Boot sets with {@code spring.threads.virtual.enabled}; with Tomcat's own pool (created only at
 * start, so not there to wrap) nothing is counted and batching behaves as it did without arrivals.
 */
@Configuration(proxyBeanMethods = false)
class ArrivalsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ArrivalsConfiguration.class);

    @Bean
    Arrivals arrivals() {
        return new Arrivals();
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> arrivalsCountingExecutor(Arrivals arrivals) {
        return new Customizer(arrivals);
    }

    private record Customizer(Arrivals arrivals)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addProtocolHandlerCustomizers((TomcatProtocolHandlerCustomizer<ProtocolHandler>) this::wrap);
        }

        private void wrap(ProtocolHandler handler) {
            Executor executor = handler.getExecutor();
            if (executor == null) {
                log.info("Tomcat uses its own thread pool: batch collectors do not see requests on their way");
                return;
            }
            handler.setExecutor(new CountingExecutor(executor, arrivals));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat checks no executor type on this path (the virtual-thread one is a plain {@link Executor} too). */
    private record CountingExecutor(Executor delegate, Arrivals arrivals) implements Executor {

        @Override
        public void execute(Runnable task) {
            Runnable tracked = arrivals.track(task);
            try {
                delegate.execute(tracked);
            } catch (RuntimeException refused) {
                arrivals.notDispatched();
                throw refused;
            }
        }
    }
}
