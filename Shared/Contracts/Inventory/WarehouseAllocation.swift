/// Where reserved units of a line come from: the same type the order records (`Allocation`).
public typealias WarehouseAllocation = Allocation
