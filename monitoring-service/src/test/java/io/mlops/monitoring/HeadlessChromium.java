package io.mlops.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's chromium run headless on a page: its DOM after the scripts ran, or a screenshot. */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static String dumpDom(String url) throws IOException, InterruptedException {
        return run(url, "--dump-dom");
    }

    static void screenshot(String url, Path png) throws IOException, InterruptedException {
        run(url, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1100", "--hide-scrollbars");
    }

    private static String run(String url, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                // virtual time lets the page's fetches and drawing finish before the DOM or the pixels are taken
                "--virtual-time-budget=10000"));
        command.addAll(List.of(extra));
        command.add(url);
        Path out = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return stdout;
    }
}
