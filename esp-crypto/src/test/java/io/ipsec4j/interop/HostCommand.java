package io.ipsec4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs host commands for the interop harness, with a timeout and the output captured. */
public final class HostCommand {
    private HostCommand() {
    }

    /** The result of a finished command. */
    public static final class Result {
        public final int exitCode;
        public final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }

    /** Runs {@code command} and waits up to {@code timeoutSeconds}; stdout and stderr are merged. */
    public static Result run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ipsec4j-cmd", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs {@code command} and fails unless it exits with 0. */
    public static String check(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Result r = run(timeoutSeconds, command);
        if (r.exitCode != 0) {
            throw new IOException("exit " + r.exitCode + ": " + String.join(" ", command) + "\n" + r.output);
        }
        return r.output;
    }

    /** Starts a long-running command with its output in {@code log}; the caller stops it by its pid. */
    public static Process start(Path log, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Prefixes {@code command} with {@code ip netns exec <namespace>}. */
    public static String[] inNamespace(String namespace, String... command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(Arrays.asList(command));
        return all.toArray(new String[0]);
    }
}
