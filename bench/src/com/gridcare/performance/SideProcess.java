package com.gridcare.performance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One side of bench/performance.sh in a JVM of its own ({@code PerformanceSuite side SIDE}), started as
 * this JVM was (same options and classpath) and told over its standard input which workload to run
 * next. It answers on its standard output with lines starting {@link #ANSWER}; everything else it
 * prints is passed through.
 */
final class SideProcess implements AutoCloseable {

    static final String ANSWER = "@@ ";

    final String side;
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private SideProcess(String side, Process process) {
        this.side = side;
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        var reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith(ANSWER)) answers.add(line.substring(ANSWER.length()));
                    else System.out.println(line);
                }
            } catch (IOException e) {
                System.err.println("[" + side + "] " + e);
            }
            answers.add("exited");
        }, side + "-output");
        reader.setDaemon(true);
        reader.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    }

    /** Starts the side's JVM and waits until it has booted and registered its users and customers. */
    static SideProcess start(String side) throws IOException {
        var process = new ProcessBuilder(javaCommand("side", side)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var started = new SideProcess(side, process);
        if (!started.answer().equals("ready")) throw new IllegalStateException("[" + side + "] did not start");
        return started;
    }

    /** Runs {@code PerformanceSuite arguments} in a JVM of its own to its end; true when it succeeded. */
    static boolean runToEnd(String... arguments) throws IOException, InterruptedException {
        return new ProcessBuilder(javaCommand(arguments)).inheritIO().start().waitFor() == 0;
    }

    private static List<String> javaCommand(String... arguments) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PerformanceSuite.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Runs {@code workload} (in {@code round}, 0 for a workload without rounds) and waits until the side has
     * finished it and has no job due; true when it succeeded.
     */
    boolean run(String workload, int round) {
        commands.println(workload + " " + round);
        return answer().equals("ok");
    }

    private String answer() {
        try {
            var answer = answers.take();
            // a side that exited answers so from then on
            if (answer.equals("exited")) answers.add(answer);
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Ends the side (its standard input closed) and waits for its JVM to exit. */
    @Override
    public void close() throws InterruptedException {
        commands.close();
        process.waitFor();
    }
}
