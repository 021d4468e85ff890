package org.formularium.definition.outline;

/** One entry of a page in the answer outline: an answer, a titled section or a repeating group. */
public sealed interface OutlineEntry permits OutlineAnswer, OutlineSection, OutlineGroup {
}
