/** Exports of sessions and their ladders: diagrams (SVG, PNG, PDF, text, Mermaid, PlantUML), packets, lists, reports. */
package dev.parley.export;
