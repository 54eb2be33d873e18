use std::path::Path;

use allocation_fund::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use cosmwasm_schema::{export_schema, schema_for, write_api};
use ctc_interfaces::funds::FundReceiveMsg;

fn main() {
    write_api! {
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
    // The cw20 `Send` hook is outside write_api's IDL; clients generate its type from this file.
    export_schema(&schema_for!(FundReceiveMsg), Path::new("schema/raw"));
}
