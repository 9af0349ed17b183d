package io.coldtrace.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The other features a feature's code may use, declared on its {@link ApiFeature} class. Features use the kernel and
 * core freely; one feature reaching into another is allowed only where declared here, and the build checks it
 * (ArchitectureTest).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Uses {
    Class<? extends ApiFeature>[] value();
}
