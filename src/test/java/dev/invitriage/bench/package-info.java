/**
 * {@code make bench}: {@link dev.invitriage.bench.Bench} runs every figure beside its baseline on
 * exports {@link dev.invitriage.bench.ExportGenerator} writes, {@link dev.invitriage.bench.UiBench}
 * drives the UI in a child JVM, {@link dev.invitriage.bench.ClassifierBenchmark} is the JMH
 * benchmark, {@link dev.invitriage.bench.Report} writes {@code target/bench/report.md} and {@code
 * report.json}.
 *
 * <p>Lives with the tests so it compiles with them (a change that breaks it fails {@code make
 * test}), but no class here matches surefire's or failsafe's includes, so it never runs there:
 * only {@code ExportGeneratorTest}, which checks the data, not any timing.
 */
package dev.invitriage.bench;
