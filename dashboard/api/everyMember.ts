/**
 * A list of every member of a union type the server defines: `everyMember<Outcome>()([...])`
 * compiles only when the list names them all, so a member added on the server cannot be
 * left out of the dashboard's charts and filters unnoticed.
 */
export function everyMember<All extends string>() {
  return <const L extends readonly All[]>(list: L & ([Exclude<All, L[number]>] extends [never] ? unknown : { missing: Exclude<All, L[number]> })): L =>
    list;
}
