package dev.invitriage.domain;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an import's input and hands it to the store in parts, so that no import has to fit in
 * memory at once. Throwing aborts the import: nothing of it is stored.
 */
@FunctionalInterface
public interface ImportProducer {

  /** Passes every part to {@code parts}, in order; returns the names of the files read. */
  List<String> produce(Consumer<ImportBatch> parts);
}
