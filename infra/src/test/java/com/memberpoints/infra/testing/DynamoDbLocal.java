package com.memberpoints.infra.testing;

import com.memberpoints.infra.dynamodb.LedgerTable;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * DynamoDB Local 3.x, in-process, in memory, on a free loopback port: started once per JVM on first
 * use and stopped by a shutdown hook. Usable from JUnit (see {@link DynamoDbLocalExtension}), jqwik
 * and plain mains (the benchmark).
 *
 * <p>Needs the sqlite4java natives: the infra pom copies them to {@code target/native-libs} and
 * passes {@code -Dsqlite4java.library.path}; modules reusing this harness do the same.
 */
public final class DynamoDbLocal {

    /** Test-only credentials: DynamoDB Local accepts any; never real ones. */
    private static final AwsBasicCredentials LOCAL_ONLY = AwsBasicCredentials.create("local", "local");

    private static volatile DynamoDbLocal shared;

    private final Server server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private DynamoDbLocal(Server server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = clientBuilder().build();
    }

    /** A client builder aimed at this emulator (UrlConnection HTTP client, us-east-1, local-only credentials). */
    public DynamoDbClientBuilder clientBuilder() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(LOCAL_ONLY))
                .httpClient(UrlConnectionHttpClient.create());
    }

    /** The JVM-wide instance, started on first call. */
    public static DynamoDbLocal shared() {
        DynamoDbLocal local = shared;
        if (local == null) {
            synchronized (DynamoDbLocal.class) {
                local = shared;
                if (local == null) {
                    local = start();
                    shared = local;
                    DynamoDbLocal stopping = local;
                    Runtime.getRuntime().addShutdownHook(new Thread(stopping::stop, "dynamodb-local-stop"));
                }
            }
        }
        return local;
    }

    private static DynamoDbLocal start() {
        String natives = System.getProperty("sqlite4java.library.path");
        if (natives == null || !new File(natives).isDirectory()) {
            throw new IllegalStateException("DynamoDB Local needs -Dsqlite4java.library.path pointing at the sqlite4java"
                    + " natives (the infra pom copies them to target/native-libs); got: " + natives);
        }
        Exception last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                // DynamoDB Local's own ServerRunner/DynamoDBProxyServer link its telemetry classes (the
                // Pinpoint SDK, which the root pom excludes because the mirror lacks it), so the request
                // handler is hosted in a Jetty server of ours, bound to loopback only.
                Server server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                ContextHandler context = new ContextHandler();
                context.setHandler(new LocalDynamoDBServerHandler(
                        new LocalDynamoDBRequestHandler(0, true, null, false, false), "*"));
                server.setHandler(new ContextHandlerCollection(context));
                server.start();
                return new DynamoDbLocal(server, URI.create("http://127.0.0.1:" + port));
            } catch (Exception e) {
                last = e; // port taken between probe and bind: try another one
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    public DynamoDbClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates a fresh ledger table (from {@link LedgerTable}, the single definition) and returns its name. */
    public String createLedgerTable() {
        String name = "ledger-" + UUID.randomUUID();
        client.createTable(LedgerTable.createTableRequest(name));
        client.waiter().waitUntilTableExists(b -> b.tableName(name));
        return name;
    }

    private void stop() {
        try {
            client.close();
            server.stop();
        } catch (Exception e) {
            System.err.println("DynamoDB Local did not stop cleanly: " + e);
        }
    }
}
