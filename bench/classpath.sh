# Compiles GridCare and the benchmarks; sets BENCH_CP. Sourced by the bench/*.sh scripts.
mvn -q -B -ntp compile -Dbpmnlint.skip=true
if [ ! -f target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ]; then
  mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
fi
mkdir -p target/bench-classes
javac -nowarn -d target/bench-classes -cp "target/classes:$(cat target/classpath.txt)" bench/src/com/gridcare/bench/*.java
BENCH_CP="target/bench-classes:target/classes:$(cat target/classpath.txt)"
