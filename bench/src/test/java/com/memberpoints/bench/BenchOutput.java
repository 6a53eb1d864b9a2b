package com.memberpoints.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps what a benchmark prints: on a class annotated {@code @BenchOutput.File("x.txt")}, everything each test writes
 * to {@code System.out} still goes there and is also written to {@code bench/target/x.txt} (appended per test, the
 * file started afresh per run), where {@code bench/perf-table} collects it.
 */
public final class BenchOutput implements BeforeEachCallback, AfterEachCallback {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ExtendWith(BenchOutput.class)
    public @interface File {
        /** File name under bench/target. */
        String value();
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BenchOutput.class);

    private record Capture(PrintStream original, ByteArrayOutputStream copy) {}

    @Override
    public void beforeEach(ExtensionContext context) {
        PrintStream original = System.out;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                copy.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        context.getStore(NAMESPACE).put(Capture.class, new Capture(original, copy));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Capture capture = context.getStore(NAMESPACE).remove(Capture.class, Capture.class);
        if (capture == null) {
            return;
        }
        System.out.flush();
        System.setOut(capture.original());
        String name = context.getRequiredTestClass().getAnnotation(File.class).value();
        Path file = Path.of("target", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, capture.copy().toString(StandardCharsets.UTF_8));
    }
}
