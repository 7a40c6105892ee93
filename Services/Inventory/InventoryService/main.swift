// The inventory service process: the single writer of each SKU's stock. Wiring in InventoryWiring.
import ServiceKit

await ServiceMain.run(service: "inventory") { context in try InventoryWiring.parts(context) }
