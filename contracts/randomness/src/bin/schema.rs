use std::path::Path;

use cosmwasm_schema::{export_schema, schema_for, write_api};
use randomness::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, RandomnessReceiveMsg};

fn main() {
    write_api! {
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
    // The cw20 `Send` hook is outside write_api's IDL; clients generate its type from this file.
    export_schema(&schema_for!(RandomnessReceiveMsg), Path::new("schema/raw"));
}
