package com.memberpoints.infra.testing;

import com.memberpoints.infra.aws.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** A loopback endpoint where nothing listens: a real I/O failure for the adapters' "transient" path. */
public final class ClosedPort {

    private ClosedPort() {}

    public static URI endpoint() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clients whose every call is refused at connect time, with short timeouts. */
    public static AwsClients clients() {
        return AwsClients.create(new AwsClients.Settings(Region.US_EAST_1, Optional.of(endpoint()),
                        Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("emulator", "emulator")));
    }
}
