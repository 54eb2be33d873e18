use std::path::Path;

use cosmwasm_schema::{export_schema_with_title, schema_for, write_api};
use outcome_oracle::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg, ReceiveMsg};

fn main() {
    write_api! {
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
    // The cw20 `Send` hook is outside write_api's IDL; clients generate its type from this file.
    export_schema_with_title(
        &schema_for!(ReceiveMsg),
        Path::new("schema/raw"),
        "OracleReceiveMsg",
    );
}
