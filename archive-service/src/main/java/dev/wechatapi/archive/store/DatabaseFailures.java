package dev.wechatapi.archive.store;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Tells a database that cannot be reached (worth waiting for) from a statement that is wrong (not worth retrying). */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof io.r2dbc.spi.R2dbcNonTransientResourceException
                    || cause instanceof io.r2dbc.spi.R2dbcTransientException
                    || cause instanceof ConnectException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
