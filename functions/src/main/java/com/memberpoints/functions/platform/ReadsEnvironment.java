package com.memberpoints.functions.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment variables a Lambda handler class needs (its {@link AppConfig} names), declared on
 * the class so that the template test can check that template.yaml sets each of them for the function
 * running that handler. Every handler named in template.yaml carries it, with {@code {}} when it reads
 * nothing: a missing declaration fails the test rather than passing silently.
 *
 * <pre>{@code @ReadsEnvironment({AppConfig.TABLE_NAME})
 * public final class MemberPointsHandler extends MemberApiHandler { ... }}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadsEnvironment {
    /** Variable names, each one of {@link AppConfig}'s public constants. */
    String[] value();
}
