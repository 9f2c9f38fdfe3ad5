package dev.wechatapi.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The figures of one run, printed as they come and written to {@code benchmarks/results/<name>.md} with the
 * machine, the command and the date, so a result never travels without what it was measured on.
 */
final class Report {

    private final String name;
    private final String title;
    private final String command;
    private final List<String> lines = new ArrayList<>();
    private final String loadAtStart;
    private String processes = "the archive service runs in the benchmark's JVM, Kafka in its own";

    Report(String name, String title, String command) {
        this.loadAtStart = loadAverage();
        this.name = name;
        this.title = title;
        this.command = command;
    }

    /** Where the measured services run, when not in the benchmark's JVM. */
    Report processes(String description) {
        this.processes = description;
        return this;
    }

    Report line(String line) {
        System.out.println(line);
        lines.add(line);
        return this;
    }

    void write(List<String> databaseFacts) {
        List<String> text = new ArrayList<>();
        text.add("# " + title);
        text.add("");
        text.add("- date: " + ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + " UTC");
        text.add("- command: `" + command + "`");
        machine(processes).forEach(fact -> text.add("- " + fact));
        // The machine is shared: the load tells how much of it the run had.
        text.add("- load average (1, 5, 15 min) at the start: " + loadAtStart + ", at the end: " + loadAverage());
        databaseFacts.forEach(fact -> text.add("- " + fact));
        text.add("");
        text.add("## Figures");
        text.add("");
        lines.forEach(line -> text.add(line.isBlank() ? "" : "- " + line));
        text.add("");
        if ("none".equals(System.getenv("RESULTS"))) {
            return;
        }
        Path file = Path.of("benchmarks", "results", name + ".md");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, text);
            System.out.println("written to " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> machine(String processes) {
        List<String> facts = new ArrayList<>();
        facts.add("machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + memoryGiB() + " GiB RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.add("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB;"
                + " " + processes);
        return facts;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    }

    private static String memoryGiB() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> Long.toString(Long.parseLong(value.replaceAll("[^0-9]", "")) / (1024 * 1024)))
                .orElse("?");
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
