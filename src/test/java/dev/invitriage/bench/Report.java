package dev.invitriage.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the bench's figures as {@code report.md} (a table) and {@code report.json}. */
final class Report {
  private Report() { }

  static void write(Path out, Map<String, Object> machine, List<Integer> sizes, long seed, List<Bench.Figure> figures,
      Map<String, Object> details) throws IOException {
    String command = "make bench BENCH_SIZES=" + sizes.stream().map(String::valueOf).collect(Collectors.joining(","))
        + (seed == 42 ? "" : " BENCH_SEED=" + seed);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("command", command);
    json.put("machine", machine);
    json.put("sizes", sizes);
    json.put("seed", seed);
    json.put("passed", figures.stream().filter(Bench.Figure::pass).count());
    json.put("figures", figures);
    json.put("details", details);
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("report.json").toFile(), json);
    Files.writeString(out.resolve("report.md"), markdown(command, machine, sizes, seed, figures, details));
  }

  static String markdown(String command, Map<String, Object> machine, List<Integer> sizes, long seed, List<Bench.Figure> figures,
      Map<String, Object> details) {
    StringBuilder b = new StringBuilder();
    b.append("# invitriage bench\n\n");
    b.append("`").append(command).append("` — ").append(machine.get("date")).append("  \n");
    b.append(machine.get("cores")).append(" cores (").append(machine.get("cpu")).append("), ").append(machine.get("memTotal"))
        .append(" RAM, ").append(machine.get("jvm")).append(", ").append(machine.get("os")).append(", sqlite3 ")
        .append(machine.get("sqlite3")).append("  \n");
    b.append("load average at start ").append(machine.get("loadAtStart")).append(", at end ").append(machine.get("loadAtEnd"))
        .append("; sizes ").append(sizes).append(", seed ").append(seed).append("\n\n");
    b.append("| figure | measured | baseline (same run) | ratio | target | result |\n");
    b.append("|---|---:|---|---:|---|---|\n");
    for (Bench.Figure f : figures) {
      b.append("| ").append(f.figure()).append(" | ").append(value(f.measured())).append(' ').append(f.unit()).append(" | ");
      if (f.baseline() != null) {
        b.append(value(f.baseline())).append(' ').append(baselineUnit(f)).append(' ');
      }
      b.append(f.baselineName()).append(" | ");
      b.append(f.ratio() == null ? "—" : value(f.ratio()) + "x").append(" | ");
      b.append(f.target()).append(" | ").append(f.pass() ? "pass" : "**FAIL**").append(" |\n");
    }
    long passed = figures.stream().filter(Bench.Figure::pass).count();
    b.append("\n").append(passed).append(" of ").append(figures.size()).append(" targets met.\n\n");

    b.append("## Key latencies (ms): from `addInput` to the frame after the key; \"handled\" from the UI taking the key\n\n");
    b.append("| key | store | n | p50 | p99 | max | handled p50 | handled p99 | handled max |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Object> e : details.entrySet()) {
      if (!e.getKey().startsWith("uiKeys-")) {
        continue;
      }
      String store = Bench.label(Integer.parseInt(e.getKey().substring("uiKeys-".length())));
      for (Map.Entry<String, Object> k : Bench.map(e.getValue()).entrySet()) {
        if (k.getKey().equals("memory")) {
          continue;
        }
        Map<String, Object> s = Bench.map(k.getValue());
        b.append("| ").append(k.getKey()).append(" | ").append(store).append(" | ").append(s.get("n"));
        for (String col : List.of("p50Ms", "p99Ms", "maxMs", "handledP50Ms", "handledP99Ms", "handledMaxMs")) {
          b.append(" | ").append(value(Bench.number(s.get(col))));
        }
        b.append(" |\n");
      }
    }
    Object floors = details.get("floors");
    if (floors != null) {
      b.append("\n## Floors: what the JVM, MapDB and the unavoidable parts cost alone, same run\n\n");
      for (Object f : Bench.map(floors).values()) {
        Map<String, Object> floor = Bench.map(f);
        b.append("- ").append(floor.get("what")).append(": ");
        if (floor.containsKey("vsHello")) {
          b.append(value(Bench.number(floor.get("seconds")))).append(" s, ")
              .append(value(Bench.number(floor.get("vsHello")))).append("x `java Hello`");
        } else if (floor.containsKey("vsSqliteImport")) {
          b.append(value(Bench.number(floor.get("seconds")))).append(" s, ")
              .append(value(Bench.number(floor.get("vsSqliteImport")))).append("x sqlite3's whole import");
        } else if (floor.containsKey("vsColdStats")) {
          b.append(value(Bench.number(floor.get("seconds")))).append(" s, ")
              .append(value(Bench.number(floor.get("vsColdStats")))).append("x a cold `invitriage stats` of the store its import made");
        } else if (floor.containsKey("notesPerSecond")) {
          b.append(value(Bench.number(floor.get("notesPerSecond")))).append(" notes/s");
        } else if (floor.containsKey("vsSqliteExport")) {
          b.append(value(Bench.number(floor.get("seconds")))).append(" s, ")
              .append(value(Bench.number(floor.get("vsSqliteExport")))).append("x sqlite3's whole export");
        } else {
          Map<String, Object> memory = Bench.map(floor.get("memory"));
          b.append("peak resident ").append(value(Bench.number(memory.get("VmHWMKb")) / 1024.0)).append(" MB; p99 ms ")
              .append(floor.get("p99Ms"));
        }
        b.append("\n");
      }
    }
    b.append("\nMemory, key sequences, JMH configuration and export sizes: `report.json` (`details`).\n");
    return b.toString();
  }

  private static String baselineUnit(Bench.Figure f) {
    return f.unit().equals("ms p99") ? "ms" : f.unit();
  }

  static String value(double v) {
    if (v == Math.rint(v) && Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
