import { useStandInSites } from '@tests/graph-stand-in/provisioned-site';
import { describeEhcPlanRepositoryContract } from './ehc-plan-repository.contract';
import { describeInterventionRepositoryContract } from './intervention-repository.contract';
import { describePassportRepositoryContract } from './passport-repository.contract';
import { describeRegisterRepositoryContract } from './register-repository.contract';
import { describeRoleDirectoryContract } from './role-directory.contract';

const newSite = useStandInSites();

// A small page size, so every suite also crosses @odata.nextLink.
describeRegisterRepositoryContract(
  'SharePoint Lists via Graph (stand-in)',
  async (now) => (await newSite()).registerStores({ now, pageSize: 7 }).register,
);
describeInterventionRepositoryContract(
  'SharePoint Lists via Graph (stand-in)',
  async (now) => (await newSite()).registerStores({ now, pageSize: 2 }).interventions,
);
describePassportRepositoryContract(
  'SharePoint Lists via Graph (stand-in)',
  async (now) => (await newSite()).registerStores({ now }).passports,
);
describeEhcPlanRepositoryContract(
  'SharePoint Lists via Graph (stand-in)',
  async (now) => (await newSite()).registerStores({ now, pageSize: 1 }).ehcPlans,
);
describeRoleDirectoryContract(
  'SharePoint Lists via Graph (stand-in)',
  async (now) => (await newSite()).registerStores({ now, pageSize: 1 }).roles,
);
