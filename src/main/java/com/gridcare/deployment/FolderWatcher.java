package com.gridcare.deployment;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls source folders on disk and calls back once an edit has settled (unchanged for one
 * poll), so that a spreadsheet program's save in several writes triggers one reload.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private final List<SourceFolder> folders;
    private final Runnable onChange;
    private final ScheduledExecutorService scheduler;
    private volatile String published;
    private volatile String seen;

    public FolderWatcher(String name, List<SourceFolder> folders, long pollMillis, Runnable onChange) {
        this.folders = folders.stream().filter(f -> f.directory().isPresent()).toList();
        this.onChange = onChange;
        this.published = fingerprint();
        this.seen = published;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "watch-" + name);
            thread.setDaemon(true);
            return thread;
        });
        if (!this.folders.isEmpty()) {
            scheduler.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        }
    }

    private String fingerprint() {
        var sb = new StringBuilder();
        folders.forEach(f -> sb.append(f.fingerprint()));
        return sb.toString();
    }

    private void poll() {
        try {
            var now = fingerprint();
            if (now.equals(seen) && !now.equals(published)) {
                published = now;
                onChange.run();
            }
            seen = now;
        } catch (RuntimeException e) {
            log.error("reload after a change on disk failed", e);
        }
    }

    /** Records the current state as handled, e.g. after a reload requested through the API. */
    public void markCurrent() {
        published = fingerprint();
        seen = published;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
