package io.mlops.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Points a Spring test's application at real servers from {@link TestInfrastructure}: it sets
 * {@code spring.datasource.*}, {@code spring.data.redis.*} and {@code spring.kafka.bootstrap-servers}
 * for the servers asked for. Put it next to {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(RealInfrastructureCustomizerFactory.class)
public @interface RealInfrastructure {

    boolean postgres() default true;

    boolean redis() default false;

    boolean kafka() default true;
}
