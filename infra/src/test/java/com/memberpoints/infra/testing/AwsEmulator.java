package com.memberpoints.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memberpoints.infra.aws.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * A running AWS API emulator: where it is, SDK clients pointed at it (built through
 * {@link AwsClients}, with fixed dummy credentials so that real credentials are never used), and
 * read-back of what it really received (sent emails, published SMS) through the emulator's own
 * inspection endpoints:
 *
 * <ul>
 *   <li>moto: {@code GET /moto-api/data.json}, which lists every tracked model instance; SES v1/v2
 *       sends are {@code ses.Message} ({@code id, source, subject, body, destinations}; for Simple
 *       content with both parts moto records only the HTML part as {@code body}); SMS are
 *       {@code sns.SMS} ({@code message_id, phone_number, message}).</li>
 *   <li>LocalStack: {@code GET /_aws/ses} ({@code messages[]} with {@code Body.text_part} and
 *       {@code Body.html_part}) and {@code GET /_aws/sns/sms-messages}.</li>
 * </ul>
 *
 * <p>LocalStack Community does not emulate SES v2 (it answers 501). A LocalStack emulator may therefore
 * carry a second emulator, moto, for SES v2 only ({@link #sesV2()}, {@link #sentEmails()}); without one,
 * {@link #sesV2()} fails with the reason rather than letting a test run against the 501.
 */
public final class AwsEmulator implements AutoCloseable {

    /** Which emulator answers. */
    public enum Kind { MOTO, LOCALSTACK }

    /** One email as the emulator recorded it. {@code body} is the HTML part when the emulator keeps only one. */
    public record SentEmail(String messageId, String source, List<String> to, String subject, String body,
                            Optional<String> textPart) {}

    /** One SMS as the emulator recorded it. */
    public record SentSms(String messageId, String phoneNumber, String message) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kind kind;
    private final URI endpoint;
    private final Region region;
    private final String accessKey;
    private final String secretKey;
    private final String description;
    private final AwsClients clients;
    private final HttpClient http;
    private final AutoCloseable onClose;
    private final Optional<AwsEmulator> sesV2Emulator;

    AwsEmulator(Kind kind, URI endpoint, Region region, String accessKey, String secretKey, String description,
                AutoCloseable onClose) {
        this(kind, endpoint, region, accessKey, secretKey, description, onClose, Optional.empty());
    }

    private AwsEmulator(Kind kind, URI endpoint, Region region, String accessKey, String secretKey, String description,
                        AutoCloseable onClose, Optional<AwsEmulator> sesV2Emulator) {
        this.sesV2Emulator = Objects.requireNonNull(sesV2Emulator);
        if (sesV2Emulator.isPresent() && (kind != Kind.LOCALSTACK || sesV2Emulator.get().kind != Kind.MOTO)) {
            throw new IllegalArgumentException("only LocalStack borrows SES v2, and only from moto");
        }
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.kind = Objects.requireNonNull(kind);
        this.endpoint = Objects.requireNonNull(endpoint);
        this.region = Objects.requireNonNull(region);
        this.description = Objects.requireNonNull(description);
        this.onClose = Objects.requireNonNull(onClose);
        this.clients = AwsClients.create(AwsClients.Settings.of(region, Optional.of(endpoint)),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    public Kind kind() {
        return kind;
    }

    public URI endpoint() {
        return endpoint;
    }

    public Region region() {
        return region;
    }

    /** How it was found, for messages. */
    public String description() {
        return description;
    }

    /** Clients pointed at the emulator, built once through {@link AwsClients}. */
    public AwsClients clients() {
        return clients;
    }

    /**
     * This LocalStack with SES v2 served by {@code moto} (LocalStack Community has no SES v2); closing the
     * result closes both. Takes over this instance's close action: use only the result afterwards.
     */
    AwsEmulator withSesV2On(AwsEmulator moto) {
        clients.close();
        http.close();
        return new AwsEmulator(kind, endpoint, region, accessKey, secretKey,
                description + ", SES v2 on " + moto.description(), onClose, Optional.of(moto));
    }

    /** The emulator that serves SES v2: this one, or for LocalStack the moto it carries. */
    public Optional<AwsEmulator> sesV2Emulator() {
        return kind == Kind.MOTO ? Optional.of(this) : sesV2Emulator;
    }

    /**
     * The SES v2 client the tests must use: this emulator's, or for LocalStack the moto's it carries.
     *
     * @throws IllegalStateException for LocalStack without one (LocalStack Community answers SES v2 with 501)
     */
    public SesV2Client sesV2() {
        return sesV2Emulator().map(e -> e.clients().sesV2()).orElseThrow(() -> new IllegalStateException(
                description + " does not emulate SES v2 (LocalStack Community answers 501); set "
                        + EmulatorLocator.SESV2_ENDPOINT_VARIABLE + " to a moto server"
                        + " ('MOTO_PORT=4566 scripts/emulators.sh start') so SES v2 tests run there"));
    }

    /** Every email the emulator recorded as sent (for LocalStack with a moto for SES v2: the moto's). */
    public List<SentEmail> sentEmails() {
        if (kind == Kind.LOCALSTACK && sesV2Emulator.isPresent()) {
            return sesV2Emulator.get().sentEmails();
        }
        List<SentEmail> result = new ArrayList<>();
        if (kind == Kind.MOTO) {
            for (JsonNode m : getJson("/moto-api/data.json").path("ses").path("Message")) {
                List<String> to = new ArrayList<>();
                m.path("destinations").path("ToAddresses").forEach(a -> to.add(a.asText()));
                result.add(new SentEmail(m.path("id").asText(), m.path("source").asText(), List.copyOf(to),
                        m.path("subject").asText(), m.path("body").asText(), Optional.empty()));
            }
        } else {
            for (JsonNode m : getJson("/_aws/ses").path("messages")) {
                List<String> to = new ArrayList<>();
                m.path("Destination").path("ToAddresses").forEach(a -> to.add(a.asText()));
                JsonNode body = m.path("Body");
                String html = body.path("html_part").isTextual() ? body.path("html_part").asText() : null;
                Optional<String> text = body.path("text_part").isTextual()
                        ? Optional.of(body.path("text_part").asText()) : Optional.empty();
                result.add(new SentEmail(m.path("Id").asText(), m.path("Source").asText(), List.copyOf(to),
                        m.path("Subject").asText(), html != null ? html : text.orElse(""), text));
            }
        }
        return List.copyOf(result);
    }

    /** The email the emulator recorded under {@code messageId}, if any. */
    public Optional<SentEmail> sentEmail(String messageId) {
        return sentEmails().stream().filter(e -> e.messageId().equals(messageId)).findFirst();
    }

    /** Every SMS the emulator recorded as published to a phone number. */
    public List<SentSms> sentSms() {
        List<SentSms> result = new ArrayList<>();
        if (kind == Kind.MOTO) {
            for (JsonNode m : getJson("/moto-api/data.json").path("sns").path("SMS")) {
                result.add(new SentSms(m.path("message_id").asText(), m.path("phone_number").asText(),
                        m.path("message").asText()));
            }
        } else {
            collectLocalStackSms(getJson("/_aws/sns/sms-messages"), result);
        }
        return List.copyOf(result);
    }

    /** The SMS the emulator recorded under {@code messageId}, if any. */
    public Optional<SentSms> sentSms(String messageId) {
        return sentSms().stream().filter(s -> s.messageId().equals(messageId)).findFirst();
    }

    /** LocalStack nests SMS by region and phone number; every object with a PhoneNumber and a Message is one SMS. */
    private static void collectLocalStackSms(JsonNode node, List<SentSms> out) {
        if (node.isObject() && node.has("PhoneNumber") && node.has("Message")) {
            out.add(new SentSms(node.path("MessageId").asText(), node.path("PhoneNumber").asText(),
                    node.path("Message").asText()));
            return;
        }
        node.forEach(child -> collectLocalStackSms(child, out));
    }

    /**
     * GET a JSON document of the emulator. 120 s: moto's data.json serialises every tracked model instance, the
     * DynamoDB tables of the emulator ITs run before it included (4.5 MB, 8 s on a quiet machine, over 30 s under a
     * load average of 20).
     */
    private JsonNode getJson(String path) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(120)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " on " + kind + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " on " + kind + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            clients.close();
            http.close();
        } finally {
            try {
                sesV2Emulator.ifPresent(AwsEmulator::close);
                onClose.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop " + description, e);
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
