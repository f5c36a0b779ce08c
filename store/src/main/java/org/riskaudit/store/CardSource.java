package org.riskaudit.store;

import java.util.function.Consumer;
import org.riskaudit.core.card.Cvr;

/**
 * Cards pushed to a sink by their producer, for example an importer reading an export: {@code
 * source -> importer.read(files, tabulator.andThen(source))}. {@link CardStore#load(String,
 * CardSource)} runs it on its own thread so that parsing and inserting overlap. Throwing aborts the
 * load and rolls it back: a caller whose import found errors throws after {@code read} returns.
 */
@FunctionalInterface
public interface CardSource {
  /** Pushes every card to {@code sink}, in order, and returns when the last one was pushed. */
  void pushTo(Consumer<Cvr> sink) throws Exception;
}
