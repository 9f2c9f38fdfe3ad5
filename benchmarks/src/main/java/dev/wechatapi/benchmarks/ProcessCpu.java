package dev.wechatapi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CPU time (user + system) each process used between start and stop, in cores (1.00 = one core busy). */
record ProcessCpu(Map<String, Long> pids, Map<String, Long> ticks, long startNanos) {

    static ProcessCpu start(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, ticks(pid)));
        return new ProcessCpu(pids, ticks, System.nanoTime());
    }

    String stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        List<String> parts = new ArrayList<>();
        pids.forEach((name, pid) -> {
            long used = ticks(pid) - ticks.get(name);
            parts.add("%s %.2f".formatted(name, used / 100.0 / seconds));
        });
        return String.join(", ", parts) + " cores";
    }

    // utime + stime (fields 14 and 15 of /proc/<pid>/stat, after the command in parentheses), 100 per second.
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
