package com.memberpoints.infra.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real AWS API emulator, resolved once per test JVM by
 * {@link AwsEmulatorExtension}: the server at {@code AWS_ENDPOINT_URL} when it answers (moto in
 * {@code .ci/run}), else LocalStack in Docker through Testcontainers, else the class is skipped with
 * the reason — or fails with it when {@code MEMBER_POINTS_REQUIRE_EMULATORS=true}.
 *
 * <p>Test constructors, lifecycle methods and test methods may declare parameters of type
 * {@link AwsEmulator}, {@link com.memberpoints.infra.aws.AwsClients},
 * {@link software.amazon.awssdk.services.dynamodb.DynamoDbClient},
 * {@link software.amazon.awssdk.services.sesv2.SesV2Client},
 * {@link software.amazon.awssdk.services.sns.SnsClient} or
 * {@link software.amazon.awssdk.services.scheduler.SchedulerClient}; the clients are built through
 * {@code AwsClients} and point at the emulator.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AwsEmulatorExtension.class)
@Tag("aws-emulator")
public @interface AwsEmulatorTest {}
