/** The ladder diagram as a pure model (columns, arrows) and its geometry, drawn alike by the canvas and exporters. */
package dev.parley.diagram;
