/** The ladder diagram view: a virtualised canvas drawing a {@link dev.parley.diagram.LadderModel}. */
package dev.parley.view.ladder;
