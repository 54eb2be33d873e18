// 发布与配置: which code each contract runs, where, and who may migrate it. Nothing is changed from
// here: configuration is the committee's to propose and vote.
import { CONTRACTS } from "../../../../deploy/src/contracts";
import { useApp } from "../../app/context";
import { useChainQuery } from "../../app/hooks";
import { nameOf, type Session } from "../../chain/session";
import { TableScroll } from "../../components/Charts";
import { Num, OpsSection, shortAddress } from "./shared";

async function readAdmins(session: Session): Promise<Map<string, string | undefined>> {
  const admins = new Map<string, string | undefined>();
  await Promise.all(
    Object.values(session.deployment.contracts).map(async (record) => {
      if (!record) return;
      // A node that will not say leaves the column blank rather than the section unreadable.
      const admin = await session.client.getContract(record.address).then(
        (contract) => contract.admin,
        () => undefined,
      );
      admins.set(record.address, admin);
    }),
  );
  return admins;
}

export function Release() {
  const { session } = useApp();
  const loaded = useChainQuery(() => readAdmins(session), []);
  const { deployment } = session;
  const committee = deployment.committee;
  return (
    <OpsSection
      id="release"
      title="Release and configuration"
      loaded={loaded}
      intro={
        <p>
          Configuration changes are not made from this page: they are proposals to{" "}
          {committee ? (
            <>
              the committee&apos;s multisig <code title={committee.multisig}>{shortAddress(committee.multisig)}</code>,
              carried when its members vote them through
            </>
          ) : (
            <>
              the platform&apos;s operator <code title={session.operator}>{nameOf(session, session.operator)}</code>
            </>
          )}
          , and a new release is a migration the same way.
          {deployment.pendingProposals?.length ? ` ${deployment.pendingProposals.length} proposals are pending.` : ""}
        </p>
      }
    >
      {(admins) => (
        <TableScroll label="Deployed contracts: code id, checksum, address and admin">
          <table>
            <thead>
              <tr>
                <th scope="col">Contract</th>
                <th scope="col" className="num" style={{ whiteSpace: "nowrap" }}>
                  Code id
                </th>
                <th scope="col">Checksum</th>
                <th scope="col">Address</th>
                <th scope="col">Admin</th>
              </tr>
            </thead>
            <tbody>
              {CONTRACTS.map((name) => {
                const record = deployment.contracts[name];
                if (!record) return null;
                const admin = admins.get(record.address);
                return (
                  <tr key={name} data-contract={name}>
                    <th scope="row">{name}</th>
                    <Num>
                      {record.codeId}
                      {record.previousCodeIds.length > 0 && (
                        <span className="muted"> (was {record.previousCodeIds.join(", ")})</span>
                      )}
                    </Num>
                    <td>
                      <code title={record.checksum} style={{ whiteSpace: "nowrap" }}>
                        {record.checksum.slice(0, 12)}
                      </code>
                    </td>
                    <td>
                      <code title={record.address} style={{ whiteSpace: "nowrap" }}>
                        {shortAddress(record.address)}
                      </code>
                    </td>
                    <td>{admin ? nameOf(session, admin) : <span className="muted">none</span>}</td>
                  </tr>
                );
              })}
              {Object.entries(deployment.storedCodes ?? {}).map(([name, code]) =>
                code ? (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <Num>{code.codeId}</Num>
                    <td>
                      <code title={code.checksum} style={{ whiteSpace: "nowrap" }}>
                        {code.checksum.slice(0, 12)}
                      </code>
                    </td>
                    <td colSpan={2} className="muted">
                      stored code: one instance per fan account
                    </td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
    </OpsSection>
  );
}
