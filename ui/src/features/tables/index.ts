export { EstablishmentTable } from "./EstablishmentTable";
export { PeopleTable } from "./PeopleTable";
