/** Export from the desktop app: the Export menu, its options dialog and the view model that runs exports off the FX thread. */
package dev.parley.view.export;
