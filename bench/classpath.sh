# The one way the benchmarks are built and run: GridCare and its tests compiled, with the benchmarks in
# bench/src added to the test sources by the pom (so every build compiles them), and Maven's test classpath.
# Sets BENCH_CP. Sourced by the bench/*.sh scripts that start a JVM of their own; the benchmarks that are
# Spring Boot tests (customer-tab, insight, notifications, outage-notices) run through Maven's test goal,
# on the same classes and classpath.
mvn -q -B -ntp test-compile -Dbpmnlint.skip=true
if [ ! -f target/bench.classpath ] || [ pom.xml -nt target/bench.classpath ]; then
  mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
BENCH_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
