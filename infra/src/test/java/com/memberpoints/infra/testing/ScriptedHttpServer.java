package com.memberpoints.infra.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 endpoint that reads each request completely (so the request certainly "reached the
 * provider"), counts it, and then behaves as scripted: never answers, drops the connection, or answers with a
 * fixed status. It stands for the failures an AWS API emulator cannot produce on demand; it is not an AWS mock
 * (no API is emulated, only the transport failure).
 */
public final class ScriptedHttpServer implements AutoCloseable {

    /** What to do once a request has been read. */
    public enum Behaviour {
        /** Keep the connection open and never answer (the answer is "lost"). */
        SILENT,
        /** Close the connection without a byte of answer (a reset / end of stream before the answer). */
        DROP,
        /** Answer 500 Internal Server Error with an AWS-style error body. */
        ANSWER_500
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public ScriptedHttpServer(Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Complete requests read so far: what "the provider" received. */
    public int requests() {
        return requests.get();
    }

    /**
     * {@link #requests()} once at least {@code atLeast} were read, or when {@code within} has passed. For a client that
     * gave up waiting ({@link Behaviour#SILENT}): its request was sent, but the server's read of it is not ordered
     * before the client's timeout, so on a busy machine it may still be under way when the client returns. (DROP and
     * ANSWER_500 count before they answer: the client cannot return first.)
     */
    public int requestsOnceAtLeast(int atLeast, java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (requests.get() < atLeast && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (readRequest(in)) {
                requests.incrementAndGet();
                switch (behaviour) {
                    case SILENT -> {
                        held.add(socket);
                        return;
                    }
                    case DROP -> {
                        socket.setSoLinger(true, 0); // RST, as a crashed peer or a middlebox would
                        socket.close();
                        return;
                    }
                    case ANSWER_500 -> answer500(socket.getOutputStream());
                }
            }
            socket.close();
        } catch (SocketException e) {
            // the client went away
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads headers and a Content-Length body; false at end of stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).strip());
            }
        }
        for (long i = 0; i < length; i++) {
            if (in.read() < 0) {
                return false;
            }
        }
        return true;
    }

    private static void answer500(OutputStream out) throws IOException {
        byte[] body = ("<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code>"
                + "<Message>scripted failure</Message></Error><RequestId>r-1</RequestId></ErrorResponse>")
                .getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml\r\nx-amzn-ErrorType: InternalFailure\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor.interrupt();
    }
}
