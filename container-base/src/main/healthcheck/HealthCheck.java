import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The images' health check, for orchestrators that run a command in the container (docker compose, Docker
 * HEALTHCHECK): the images have no shell, curl or wget.
 * {@code java -cp /opt/healthcheck HealthCheck [URL]} exits 0 when a GET of URL (default
 * http://127.0.0.1:8080/actuator/health/readiness) answers 2xx within the timeout (HEALTHCHECK_TIMEOUT_MS,
 * 3000 ms for connecting and as much for reading), 1 otherwise.
 */
public final class HealthCheck {
    private HealthCheck() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/actuator/health/readiness";
        int timeout = 3000;
        String configured = System.getenv("HEALTHCHECK_TIMEOUT_MS");
        if (configured != null && !configured.isBlank()) {
            timeout = Integer.parseInt(configured.strip());
        }
        int status;
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(timeout);
            connection.setReadTimeout(timeout);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            status = connection.getResponseCode();
            try (var body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            connection.disconnect();
        } catch (Exception e) {
            System.err.println("unhealthy: " + url + ": " + e);
            System.exit(1);
            return;
        }
        if (status >= 200 && status < 300) {
            System.exit(0);
        }
        System.err.println("unhealthy: " + url + " answered " + status);
        System.exit(1);
    }
}
