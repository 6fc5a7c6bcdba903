/* global require, process */
/**
 * Prints, as JSON, what office-addin-manifest's offline reader makes of a manifest: node's own
 * `require` loads its ES-module dependencies, which jest's module loader cannot.
 * Usage: node test/support/pane-read-manifest.js manifest.xml
 */
function reader() {
  try {
    return require("office-addin-manifest").OfficeAddinManifest.readManifestFile;
  } catch (failure) {
    // The package entry also loads JSON-manifest support, which needs ajv 8; with only ajv 6
    // installed, use the XML handler that readManifestFile itself calls for .xml files.
    if (!String(failure).includes("ajv")) throw failure;
    process.stderr.write(
      "office-addin-manifest does not load (ajv 8 missing): reading with its XML handler\n"
    );
    const handler = require("office-addin-manifest/lib/manifestHandler/manifestHandlerXml");
    return (file) => new handler.ManifestHandlerXml(file).parseManifest();
  }
}

Promise.resolve()
  .then(() => reader()(process.argv[2]))
  .then((info) => process.stdout.write(JSON.stringify(info)))
  .catch((failure) => {
    process.stderr.write(`${failure && failure.stack ? failure.stack : failure}\n`);
    process.exit(1);
  });
