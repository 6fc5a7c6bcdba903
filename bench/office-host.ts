/** Office.js host figures over the recording fake: syncs and request sizes. Filled in with the host. */
import { Study } from "../src/method/study";

export async function benchOfficeHost(_example: Study): Promise<void> {
  console.log("\n== Office.js host: not measured yet");
}
