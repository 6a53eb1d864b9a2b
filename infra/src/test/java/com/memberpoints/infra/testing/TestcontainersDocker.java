package com.memberpoints.infra.testing;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.regions.Region;

/**
 * LocalStack through Testcontainers. The container runs DynamoDB, SES, SNS and EventBridge Scheduler;
 * it is stopped when the test JVM's JUnit root context closes.
 */
final class TestcontainersDocker implements EmulatorLocator.Docker {

    @Override
    public Optional<String> unavailableBecause() {
        try {
            return DockerClientFactory.instance().isDockerAvailable()
                    ? Optional.empty()
                    : Optional.of("Testcontainers found no Docker environment");
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("Testcontainers could not check Docker: " + e);
        }
    }

    @Override
    @SuppressWarnings("resource") // stopped through the AwsEmulator's close action
    public AwsEmulator startLocalStack() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(EmulatorLocator.LOCALSTACK_IMAGE))
                .withServices(
                        LocalStackContainer.Service.DYNAMODB,
                        LocalStackContainer.Service.SES,
                        LocalStackContainer.Service.SNS,
                        LocalStackContainer.EnabledService.named("scheduler"));
        container.start();
        return new AwsEmulator(AwsEmulator.Kind.LOCALSTACK, container.getEndpoint(), Region.of(container.getRegion()),
                container.getAccessKey(), container.getSecretKey(),
                "LocalStack " + EmulatorLocator.LOCALSTACK_IMAGE + " (Testcontainers) at " + container.getEndpoint(),
                container::stop);
    }
}
