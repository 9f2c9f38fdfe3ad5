package dev.wechatapi.deployment.configuration;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository this module belongs to: {@code -Dwechat.repository.dir}, else the parent of the module. */
public final class Repository {

    private Repository() {}

    public static Path root() {
        String configured = System.getProperty("wechat.repository.dir");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository (docker-compose.yml and docs/) above " + start);
    }
}
